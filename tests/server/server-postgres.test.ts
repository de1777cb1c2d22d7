import { describeWorkshopServer } from './server-suite'

// A real PostgreSQL started by this run (Debian's postgresql package; `.ci/run` installs it). Never skipped.
describeWorkshopServer('postgres')
