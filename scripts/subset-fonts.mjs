// Subsets DejaVu Sans (regular and bold, from the npm package dejavu-fonts-ttf) to the scripts the app's
// languages need — Latin, Arabic with its presentation forms (jsPDF shapes Arabic with them), punctuation
// and symbols — plus every character of the UI locale files and the shipped questionnaires. The results
// replace public/fonts/*.ttf: about 450 KB for both faces instead of 1.46 MB, under 3 s at 1.6 Mbit/s.
// Uses harfbuzz's hb-subset (WebAssembly, via subset-font); no network. Run: npm run fonts:subset
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import subsetFont from 'subset-font'

export const RANGES = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0x24f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x2b0, 0x36f], // spacing modifiers, combining diacritics
  [0x600, 0x6ff], // Arabic
  [0x750, 0x77f], // Arabic Supplement
  [0x2000, 0x206f], // General Punctuation (incl. the narrow no-break space of French numbers)
  [0x20a0, 0x20cf], // currency symbols
  [0x2100, 0x214f], // letterlike symbols
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators
  [0x25a0, 0x25ff], // geometric shapes
  [0x2700, 0x27bf], // dingbats (check marks)
  [0xfb50, 0xfdff], // Arabic Presentation Forms-A
  [0xfe70, 0xfeff], // Arabic Presentation Forms-B
]

const texts = [
  ...readdirSync('src/i18n/locales').map(name => join('src/i18n/locales', name)),
  ...readdirSync('questionnaires').filter(name => name.endsWith('.json')).map(name => join('questionnaires', name)),
].map(path => readFileSync(path, 'utf8'))
const wanted = new Set(texts.join(''))
for (const [from, to] of RANGES) for (let code = from; code <= to; code++) wanted.add(String.fromCodePoint(code))
const text = [...wanted].join('')

for (const face of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
  const source = readFileSync(join('node_modules/dejavu-fonts-ttf/ttf', face))
  const subset = await subsetFont(source, text, { targetFormat: 'truetype' })
  writeFileSync(join('public/fonts', face), subset)
  console.log(`public/fonts/${face}: ${(source.length / 1024).toFixed(0)} KB -> ${(subset.length / 1024).toFixed(0)} KB`)
}
