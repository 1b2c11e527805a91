# syntax=docker/dockerfile:1
# The Nivel app (web app + workers). The engine is not in this image: the app runs with
# ENGINE_URL, so `npm start` deploys processes/ and forms/ to that engine and starts no engine.
# scripts/dockerfile-steps.sh performs the same RUN steps without Docker (test/store/dockerfile.test.ts).

FROM node:20-slim AS deps
# No install scripts (.npmrc says why); the variable is IBM's own off switch, in case one runs.
ENV IBM_TELEMETRY_DISABLED=true
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# the lint plugin is a file: dependency (the modeler bundles its rule at start), linked from here
COPY lint ./lint
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-slim AS runtime
# HOST: a container's loopback is its own, so the web app listens on every interface of it
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json .npmrc tsconfig.json .bpmnlintrc ./
COPY bin ./bin
COPY lib ./lib
COPY lint ./lint
COPY processes ./processes
COPY forms ./forms
COPY scripts ./scripts
COPY web ./web
COPY workers ./workers
COPY types ./types
# The page bundles are written under web/public/build at start; data/ holds nothing when the
# store is on PostgreSQL but must be writable for the embedded default.
# 1000 is the node user of the node images (numeric, so the same step runs where no such user exists).
RUN mkdir -p web/public/build data && chown -R 1000:1000 web/public/build data
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/').then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
