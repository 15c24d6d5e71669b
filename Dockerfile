# The upload page (`partner-check serve`) for a team, e.g. behind the company's reverse proxy.
#   docker build -t partner-check .
#   docker run -d --name partner-check -p 127.0.0.1:8080:8080 partner-check
# The image holds the packed package (what `npm pack` ships: bin/ and the built dist/validator/)
# and its runtime dependencies only; it runs as the unprivileged `node` user. See docs/serve.md.

FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
# prepack builds dist/validator/ into the tarball.
RUN npm pack --pack-destination /tmp && mv /tmp/partner-check-*.tgz /tmp/partner-check.tgz

FROM node:20-slim
ENV NODE_ENV=production
COPY --from=build /tmp/partner-check.tgz /tmp/partner-check.tgz
RUN npm install --global --omit=dev --no-audit --no-fund /tmp/partner-check.tgz && rm /tmp/partner-check.tgz && npm cache clean --force
USER node
WORKDIR /home/node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# 0.0.0.0 inside the container only: publish the port on the host's loopback (see above) or to the proxy.
CMD ["partner-check", "serve", "--host", "0.0.0.0", "--port", "8080"]
