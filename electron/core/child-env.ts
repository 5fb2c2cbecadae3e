// Secrets that may arrive in the environment (a script's passphrase) must stop with the process
// that reads them: an environment is inherited by every child (decode workers, Chromium for the
// PDF report) and readable by the same user in /proc/<pid>/environ.

/** Environment variables that carry secrets. */
export const SECRET_ENV_VARS = ['CUSTODY_PASSPHRASE', 'CUSTODY_PACKET_PASSPHRASE'] as const;
export type SecretEnvVar = (typeof SECRET_ENV_VARS)[number];

/** The variable's value, removed from process.env so that no child started later inherits it. */
export function takeSecretEnv(name: SecretEnvVar): string | undefined {
  const value = process.env[name];
  delete process.env[name];
  return value === '' ? undefined : value;
}

/** The environment to give a child process: this one's, without any secret. */
export function childEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const name of SECRET_ENV_VARS) delete env[name];
  return env;
}
