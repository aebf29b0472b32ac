# One image for both processes: the api runs `npx tsx api/main.ts` (the default command),
# the worker overrides it with `npx tsx worker/main.ts` (see docker-compose.yml).
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

# Dependencies first, so source edits reuse this layer. tsx is a runtime dependency.
# npm install is the fallback for npm releases whose `npm ci` rejects a lockfile that leaves
# out other platforms' optional packages (see scripts/ensure-deps.cjs).
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) \
 && npm cache clean --force

# Source stays root-owned (read-only to the app); only DATA_DIR is the app's to write.
COPY . .
# The dashboard as static files (Vite is a runtime dependency for this), served by the API at /.
RUN npm run build:web
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 8080
# Node's own fetch: the slim image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npx", "tsx", "api/main.ts"]
