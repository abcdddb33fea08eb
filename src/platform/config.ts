import path from 'node:path';
import { z } from 'zod';

/** Typed configuration, read once from the environment; a bad value fails fast naming the variable. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SPOTLIGHT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  SPOTLIGHT_AUTHORITY_NAME: z.string().min(1).default('Example Borough Council'),
  SPOTLIGHT_PUBLIC_URL: z.string().url().optional(),
  SPOTLIGHT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SPOTLIGHT_DEMO: z.enum(['true', 'false']).default('true'),
  SPOTLIGHT_MAX_UPLOAD_MB: z.coerce.number().positive().default(250),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).default('Microsoft Entra ID'),
});

export type Env = z.infer<typeof schema>;

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  displayName: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  authorityName: string;
  publicUrl: string | undefined;
  trustProxy: boolean;
  demo: boolean;
  maxUploadBytes: number;
  logLevel: Env['LOG_LEVEL'];
  oidc: OidcConfig | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidcVars = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_REDIRECT_URI];
  const someOidc = oidcVars.some((v) => v !== undefined);
  const allOidc = oidcVars.every((v) => v !== undefined);
  if (someOidc && !allOidc) {
    throw new ConfigError(
      'Invalid configuration in the environment:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI must be set together for single sign-on',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.SPOTLIGHT_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    authorityName: e.SPOTLIGHT_AUTHORITY_NAME,
    publicUrl: e.SPOTLIGHT_PUBLIC_URL,
    trustProxy: e.SPOTLIGHT_TRUST_PROXY === 'true',
    demo: e.SPOTLIGHT_DEMO === 'true',
    maxUploadBytes: Math.round(e.SPOTLIGHT_MAX_UPLOAD_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    oidc: allOidc
      ? {
          issuer: e.OIDC_ISSUER!,
          clientId: e.OIDC_CLIENT_ID!,
          clientSecret: e.OIDC_CLIENT_SECRET!,
          redirectUri: e.OIDC_REDIRECT_URI!,
          displayName: e.OIDC_DISPLAY_NAME,
        }
      : undefined,
  };
}
