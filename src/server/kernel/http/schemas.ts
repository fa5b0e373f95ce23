import { errorBody } from '../../../shared/schemas.js';

// The primitives live in the shared contract (src/shared/schemas.ts); routes not yet moved onto
// shared route definitions import them from here.
export {
  calendarDate,
  email,
  errorBody,
  idParams,
  instant,
  instantOrDate,
  locale,
  maxYear,
  minYear,
  month,
  page,
  pageSize,
  password,
  role,
  timeZone,
  uuid,
} from '../../../shared/schemas.js';

/** Error responses every route may give, for the OpenAPI document (routes not yet on `endpoint`). */
export const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
  429: errorBody,
  503: errorBody,
};
