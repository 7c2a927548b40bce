export { codesNoTestRaises, documentedCodes, readRepositoryReadme } from './catalogue.ts';
export {
  contentType,
  errorShapeProblem,
  fuzzParameters,
  headerValue,
  hostileString,
  jsonBody,
  numberLikeString,
  percentEncode,
  prototypeKeys,
  queryString,
} from './fuzz.ts';
