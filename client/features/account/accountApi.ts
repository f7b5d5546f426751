/** One's own account (server/routes/auth/account.ts), over the one HTTP client. */
import type { TotpSetupResponse, TotpStatusResponse } from "../../../shared/validation/account.js";
import { request } from "../../api.js";

export const accountApi = {
  /** 400 "wrong_password" / "weak_password" (with the Danish reason). Other sessions end. */
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return request<void>("POST", "/api/auth/password", { body: { currentPassword, newPassword } });
  },
  /** Always 204: the answer never says whether the address has an account. */
  requestPasswordReset(email: string): Promise<void> {
    return request<void>("POST", "/api/auth/password-reset", { body: { email }, quiet401: true });
  },
  /** 400 "weak_password", 410 "reset_gone". */
  resetPassword(token: string, password: string): Promise<void> {
    return request<void>("POST", `/api/auth/password-reset/${encodeURIComponent(token)}`, { body: { password }, quiet401: true });
  },
  totpStatus(signal?: AbortSignal): Promise<TotpStatusResponse> {
    return request<TotpStatusResponse>("GET", "/api/auth/totp", { signal });
  },
  setupTotp(): Promise<TotpSetupResponse> {
    return request<TotpSetupResponse>("POST", "/api/auth/totp/setup");
  },
  /** 400 "wrong_code". */
  enableTotp(code: string): Promise<void> {
    return request<void>("POST", "/api/auth/totp/enable", { body: { code } });
  },
  /** 400 "wrong_password". */
  disableTotp(password: string): Promise<void> {
    return request<void>("POST", "/api/auth/totp/disable", { body: { password } });
  },
};
