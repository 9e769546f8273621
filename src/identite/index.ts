export type { Identite, ChampIdentite } from './identite.js';
export {
  CHAMPS_IDENTITE,
  TYPES_COLLECTIVITE,
  SEUILS_MOINS_DE,
  SEUILS_PLUS_DE,
  TAGS_POPULATION,
  LOCALISATIONS,
  SOUSTYPES_COLLECTIVITE,
  VALEURS_AIRE_URBAINE,
  VALEURS_IDENTITE,
  isChampIdentite,
  isValeurIdentite,
  populationTags,
  identiteMatches,
  identiteChampConnu,
} from './identite.js';
