# One image for both processes: the api runs `node dist/api/main.js` (the default command),
# the worker overrides it with `node dist/worker/main.js` (see docker-compose.yml). Everything
# is compiled when the image is built (`npm run build`: the server with tsc, the dashboard with
# Vite, the widget with esbuild); at run time nothing compiles and no build tool is loaded.

# Build stage: every dependency, the sources, `npm run build`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# npm install is the fallback for npm releases whose `npm ci` rejects a lockfile that leaves
# out other platforms' optional packages (see scripts/ensure-deps.cjs).
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build

# Run stage: production dependencies, the repository's data files (models, migrations, seeds)
# and what the build stage compiled.
FROM node:20-bookworm-slim

# ffmpeg for video probing and ad cuts; DejaVu for burned-in disclosure text.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    HOST=0.0.0.0 \
    PORT=8080

# Dependencies first, so source edits reuse this layer.
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) \
 && npm cache clean --force

# Source stays root-owned (read-only to the app); only DATA_DIR is the app's to write.
COPY . .
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dashboard/dist ./web/dashboard/dist
COPY --from=build /app/web/widget/dist ./web/widget/dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 8080
# Node's own fetch: the slim image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/api/main.js"]
