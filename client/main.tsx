/**
 * Entry of the browser client. Routes:
 *   /login       LoginPage           "Log ind"
 *   /            DocumentListPage    "Mine svar"        (signed in)
 *   /svar/:id    EditorPage          one reply          (signed in)
 *   /overblik    OverviewPage        national overview  (signed in, the agency)
 *   /invitation/:token InvitationPage set a password from an invitation
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
import { InvitationPage } from "./pages/InvitationPage.js";
import { RequireSession, SessionProvider } from "./pages/Session.js";
import "./styles.css";

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
              <Route path="/invitation/:token" element={<InvitationPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </ErrorBoundary>
  </StrictMode>,
);
