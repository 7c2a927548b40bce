export { codesNoTestRaises, documentedCodes, readRepositoryReadme } from './catalogue.ts';
