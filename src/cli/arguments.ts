// Parsers for option values, so that a bad value is refused by the command line itself, in one line
// ("error: option '--k <n>' argument 'abc' is invalid. …"), before any work starts.
import { InvalidArgumentError } from 'commander';

export const positiveInteger =
  (max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`Give a whole number from 1 to ${max}.`);
    return n;
  };

export function fraction(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new InvalidArgumentError('Give a number from 0 to 1.');
  return x;
}
