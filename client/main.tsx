/**
 * Entry of the browser client. Routes:
 *   /login       LoginPage           "Log ind"
 *   /            DocumentListPage    "Mine svar"        (signed in)
 *   /svar/:id    EditorPage          one reply          (signed in)
 *   /overblik    OverviewPage        national overview  (signed in, the agency)
 *   /overblik/sammenligning ComparisonPage the submitted replies side by side (signed in, the agency)
 *   /udbakke     OutboxPage          the mails of one's replies (signed in, the coordinator)
 *   /profil      ProfilePage         mail preferences, sign out everywhere (signed in)
 *   /invitation/:token InvitationPage set a password from an invitation
 *   /glemt-adgangskode ForgotPasswordPage ask for a password reset link
 *   /nulstil/:token ResetPasswordPage choose a new password from that link
 *   *            NotFoundPage
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Route, Routes } from "react-router";
import { DocumentListPage } from "./pages/DocumentListPage.js";
import { EditorPage } from "./pages/EditorPage.js";
import { ErrorBoundary } from "./pages/ErrorPage.js";
import { Layout } from "./pages/Layout.js";
import { LoginPage } from "./pages/LoginPage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { OverviewPage } from "./pages/OverviewPage.js";
import { ComparisonPage } from "./pages/ComparisonPage.js";
import { InvitationPage } from "./pages/InvitationPage.js";
import { OutboxPage } from "./pages/OutboxPage.js";
import { ProfilePage } from "./pages/ProfilePage.js";
import { ForgotPasswordPage } from "./pages/ForgotPasswordPage.js";
import { ResetPasswordPage } from "./pages/ResetPasswordPage.js";
import { RequireSession, SessionProvider } from "./pages/Session.js";
import "./styles.css";
import "./ui/ui.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/login" element={<LoginPage />} />
              <Route
                index
                element={
                  <RequireSession>
                    <DocumentListPage />
                  </RequireSession>
                }
              />
              <Route
                path="/svar/:id"
                element={
                  <RequireSession>
                    <EditorPage />
                  </RequireSession>
                }
              />
              <Route
                path="/overblik"
                element={
                  <RequireSession>
                    <OverviewPage />
                  </RequireSession>
                }
              />
              <Route
                path="/overblik/sammenligning"
                element={
                  <RequireSession>
                    <ComparisonPage />
                  </RequireSession>
                }
              />
              <Route
                path="/udbakke"
                element={
                  <RequireSession>
                    <OutboxPage />
                  </RequireSession>
                }
              />
              <Route
                path="/profil"
                element={
                  <RequireSession>
                    <ProfilePage />
                  </RequireSession>
                }
              />
              <Route path="/invitation/:token" element={<InvitationPage />} />
              <Route path="/glemt-adgangskode" element={<ForgotPasswordPage />} />
              <Route path="/nulstil/:token" element={<ResetPasswordPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </ErrorBoundary>
  </StrictMode>,
);
