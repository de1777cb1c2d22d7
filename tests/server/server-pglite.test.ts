import { describeWorkshopServer } from './server-suite'

describeWorkshopServer('pglite')
