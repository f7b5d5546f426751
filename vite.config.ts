/**
 * Build and dev server of the browser client. The client lives in client/ and imports the shared
 * contracts from ../shared; the server serves the build from dist/client (SERVE_CLIENT).
 * In development, `npx vite` proxies the API and the collaboration websocket to the server.
 */
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const SERVER = "http://127.0.0.1:3000";

export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: false,
    // Tiptap, Yjs and React together are larger than Vite's default warning threshold.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // zod places @__PURE__ notes where Rollup cannot use them; harmless, and only noise at `npm start`
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION") return;
        warn(warning);
      },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": { target: SERVER, changeOrigin: false },
      "/collab": { target: SERVER, ws: true, changeOrigin: false },
    },
  },
});
