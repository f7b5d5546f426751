/**
 * The authorization code flow with PKCE, state and nonce (openid-client). A sign-in in progress
 * lives in the database (any instance can finish it), keyed by the hash of its state, and is
 * used once. The callback is checked by openid-client: the state, the issuer of the response
 * (RFC 9207 where the provider sends it), the id token's signature, issuer, audience, expiry and
 * nonce. Discovery is done on first use and retried after a failure.
 */
import type * as Oidc from "openid-client";
import type { Store } from "../../storage/types.js";
import { hashToken } from "../sessions.js";
import type { OidcProviderConfig } from "./providers.js";

/** How long a person may take at the provider. */
const PENDING_TTL_MS = 10 * 60_000;

/** openid-client is loaded with the first provider's first use, not by installations without single sign-on. */
let library: Promise<typeof Oidc> | null = null;
const openid = () => (library ??= import("openid-client"));

export class OidcFailure extends Error {
  constructor(
    readonly reason: "unknown_provider" | "provider_unreachable" | "state_mismatch" | "token_rejected",
    cause?: unknown,
  ) {
    super(reason, { cause });
  }
}

export interface FinishedSignIn {
  claims: Record<string, unknown>;
  idToken: string;
  returnTo: string;
}

export class OidcClients {
  private readonly configs = new Map<string, Promise<Oidc.Configuration>>();

  constructor(
    readonly providers: OidcProviderConfig[],
    private readonly store: Store,
    /** Our own public address; the redirect URI is `<base>/api/auth/oidc/<id>/callback`. */
    private readonly baseUrl: () => string,
  ) {}

  provider(id: string): OidcProviderConfig | undefined {
    return this.providers.find((p) => p.id === id);
  }

  redirectUri(id: string): string {
    return `${this.baseUrl()}/api/auth/oidc/${id}/callback`;
  }

  private configuration(provider: OidcProviderConfig): Promise<Oidc.Configuration> {
    let config = this.configs.get(provider.id);
    if (!config) {
      config = openid().then((oidc) => {
        // The id token's signature is checked against the provider's published keys even when
        // it comes straight from the token endpoint over TLS: a compromised or mis-routed token
        // endpoint cannot then sign people in.
        const execute = [oidc.enableNonRepudiationChecks, ...(provider.allowInsecureHttp ? [oidc.allowInsecureRequests] : [])];
        const options = { execute };
        return oidc.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, options);
      });
      // A provider that was down at the first sign-in is asked again at the next one.
      config.catch(() => this.configs.delete(provider.id));
      this.configs.set(provider.id, config);
    }
    return config.catch((error: unknown) => {
      throw new OidcFailure("provider_unreachable", error);
    });
  }

  /** The provider's authorization URL and the state to bind to the browser (a cookie). */
  async start(id: string, returnTo: string): Promise<{ url: string; state: string }> {
    const provider = this.provider(id);
    if (!provider) throw new OidcFailure("unknown_provider");
    const config = await this.configuration(provider);
    const oidc = await openid();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.store.putOidcPending({
      stateHash: hashToken(state),
      provider: id,
      codeVerifier,
      nonce,
      returnTo,
      expiresAt: new Date(Date.now() + PENDING_TTL_MS).toISOString(),
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(id),
      scope: provider.scopes.join(" "),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** Checks the callback (`currentUrl` as the browser requested it) against the browser's state cookie. */
  async finish(id: string, currentUrl: URL, stateCookie: string | undefined): Promise<FinishedSignIn> {
    const provider = this.provider(id);
    if (!provider) throw new OidcFailure("unknown_provider");
    const state = currentUrl.searchParams.get("state");
    // The state must be the one this browser started with (no login CSRF), and unused (no replay).
    if (!state || !stateCookie || state !== stateCookie) throw new OidcFailure("state_mismatch");
    const pending = await this.store.takeOidcPending(hashToken(state));
    if (!pending || pending.provider !== id || pending.expiresAt <= new Date().toISOString()) throw new OidcFailure("state_mismatch");
    const config = await this.configuration(provider);
    const oidc = await openid();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new Error("no id token");
      // Many providers put only `sub` in the id token and the rest behind the userinfo endpoint
      // (which openid-client checks is about the same `sub`).
      const more =
        claims.email === undefined && config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub) : {};
      return { claims: { ...more, ...claims }, idToken: tokens.id_token, returnTo: pending.returnTo };
    } catch (error) {
      throw new OidcFailure("token_rejected", error);
    }
  }

  /** Where to send the browser to end the provider's session too, if it offers that. */
  async endSessionUrl(id: string, idToken: string, postLogoutRedirectUri: string): Promise<string | null> {
    const provider = this.provider(id);
    if (!provider) return null;
    try {
      const config = await this.configuration(provider);
      const oidc = await openid();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
    } catch {
      return null;
    }
  }
}
