import type { HttpMethod } from './types';

/** The operations a Path Item Object may hold, in the order the SDK lists them (OpenAPI 3.1 §4.8.9). */
export const httpMethods: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
