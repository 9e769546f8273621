export type { Identite, ChampIdentite } from './identite.js';
export {
  CHAMPS_IDENTITE,
  TYPES_COLLECTIVITE,
  SEUILS_MOINS_DE,
  SEUILS_PLUS_DE,
  TAGS_POPULATION,
  LOCALISATIONS,
  VALEURS_IDENTITE,
  isChampIdentite,
  isValeurIdentite,
  populationTags,
  identiteMatches,
  identiteChampConnu,
} from './identite.js';
