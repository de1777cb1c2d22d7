import { ref, watchEffect, type Ref } from 'vue'
import { loadCountries, type Country } from '@/data/countries'

/** The countries list in a language, loaded lazily (empty until it arrives) and only once `isNeeded` says so. */
export function useCountries(locale: Ref<string>, isNeeded: () => boolean = () => true): Ref<Country[]> {
  const list = ref<Country[]>([])
  watchEffect(() => {
    if (!isNeeded()) return
    const wanted = locale.value
    void loadCountries(wanted).then((countries) => {
      if (locale.value === wanted) list.value = countries
    })
  })
  return list
}
