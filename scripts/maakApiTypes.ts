import { writeFileSync } from 'node:fs';
import { API_TYPES_PAD, buildApiDocument, formatApiTypes } from './apiTypes';

// npm run api:types: regenerates the example client's types from the API's route declarations.
writeFileSync(API_TYPES_PAD, await formatApiTypes(buildApiDocument()));
console.log(`${API_TYPES_PAD} bijgewerkt`);
