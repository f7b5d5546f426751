/** Request shapes of one's own account: password change and reset, the second factor (issue 15, item 9). */
import { z } from "zod";
import { LoginBody } from "./api.js";

export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });
export const PasswordResetRequestBody = z.object({ email: LoginBody.shape.email });
export const PasswordResetTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const PasswordResetBody = z.object({ password: z.string().min(1).max(1024) });
export const TotpCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const TotpDisableBody = z.object({ password: z.string().min(1).max(1024) });

export interface TotpStatusResponse {
  enabled: boolean;
}

export interface TotpSetupResponse {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** otpauth:// URI, for apps that read it. */
  uri: string;
}
