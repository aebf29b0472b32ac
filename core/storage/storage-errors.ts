import { DomainError } from '../errors/domain-error';

export const objectNotFound = (key: string): DomainError => new DomainError('not_found', 'object_not_found', `No stored object with key ${key}`);

export const rangeNotSatisfiable = (key: string): DomainError =>
  new DomainError('invalid', 'range_not_satisfiable', `The requested range starts past the end of ${key}`);
