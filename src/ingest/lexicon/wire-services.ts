/**
 * News agencies whose copy other outlets run, by canonical name, with the forms they are printed
 * under in datelines, bylines, credits and copyright lines. An article running their copy counts
 * as the agency, not as an independent outlet.
 */
export const WIRE_SERVICES: ReadonlyArray<{ name: string; forms: readonly string[] }> = [
  { name: 'Associated Press', forms: ['Associated Press', 'The Associated Press', 'AP'] },
  { name: 'Reuters', forms: ['Reuters', 'Thomson Reuters'] },
  { name: 'Agence France-Presse', forms: ['Agence France-Presse', 'Agence France Presse', 'AFP'] },
  { name: 'Bloomberg', forms: ['Bloomberg', 'Bloomberg News'] },
  { name: 'United Press International', forms: ['United Press International', 'UPI'] },
  { name: 'Deutsche Presse-Agentur', forms: ['Deutsche Presse-Agentur', 'dpa', 'DPA'] },
  { name: 'EFE', forms: ['EFE', 'Agencia EFE'] },
  { name: 'ANSA', forms: ['ANSA'] },
  { name: 'Kyodo News', forms: ['Kyodo', 'Kyodo News'] },
  { name: 'Xinhua', forms: ['Xinhua', 'Xinhua News Agency'] },
  { name: 'PA Media', forms: ['PA Media', 'Press Association', 'PA'] },
  { name: 'The Canadian Press', forms: ['The Canadian Press', 'Canadian Press', 'CP'] },
  { name: 'Australian Associated Press', forms: ['Australian Associated Press', 'AAP'] },
  { name: 'Anadolu Agency', forms: ['Anadolu Agency', 'Anadolu'] },
  { name: 'Yonhap', forms: ['Yonhap', 'Yonhap News Agency'] },
  { name: 'TASS', forms: ['TASS'] },
  { name: 'Interfax', forms: ['Interfax'] },
  { name: 'Press Trust of India', forms: ['Press Trust of India', 'PTI'] },
];
