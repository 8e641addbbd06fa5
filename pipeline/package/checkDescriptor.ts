import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { Problem } from '../problem/Problem.ts';
import type { DataPackage } from './DataPackage.ts';
import { createProfileAjv, PACKAGE_PROFILE_FILE, profileValidatorFile } from './profileAjv.ts';
import { describeProfileErrors } from './profileErrors.ts';

const require = createRequire(import.meta.url);

let validator: ValidateFunction | undefined;

/**
 * The official package profile's validator, made once per process: the one `npm run build` generated for this profile
 * text and these settings when there is one, otherwise compiled here (a few tenths of a second: the profile is 160 kB).
 */
function packageProfile(): ValidateFunction {
  if (!validator) {
    const text = readFileSync(PACKAGE_PROFILE_FILE, 'utf8');
    const file = profileValidatorFile(text);
    validator = existsSync(file) ? (require(file) as ValidateFunction) : createProfileAjv().compile(JSON.parse(text) as object);
  }
  return validator;
}

/**
 * A package descriptor checked against the official Data Package v2 profiles (the package profile holds the resource,
 * dialect and table schema profiles): none when it meets them, otherwise one error per failing JSON pointer.
 */
export function descriptorProblems(descriptor: DataPackage, where: { file: string; definition: string }): Problem[] {
  const validate = packageProfile();
  return validate(descriptor) ? [] : describeProfileErrors(validate.errors ?? [], descriptor, where);
}
