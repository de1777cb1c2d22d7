import { ref, watchEffect, type Ref } from 'vue'
import { loadCountries, type Country } from '@/data/countries'

/** The countries list in a language, loaded lazily (empty until it arrives). */
export function useCountries(locale: Ref<string>): Ref<Country[]> {
  const list = ref<Country[]>([])
  watchEffect(() => {
    const wanted = locale.value
    void loadCountries(wanted).then((countries) => {
      if (locale.value === wanted) list.value = countries
    })
  })
  return list
}
