# Another correct way: an Alpine builder that compiles, then prunes its devDependencies; the final stage copies both
cat > Dockerfile <<'EOF'
FROM node:20-alpine AS builder
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
RUN npx tsc && npm prune --omit=dev

FROM node:20-alpine AS runtime
WORKDIR /usr/src/app
COPY --from=builder /usr/src/app/node_modules ./node_modules
COPY --from=builder /usr/src/app/dist ./dist
COPY package.json ./
CMD ["npm", "start"]
EOF
docker buildx build -t users-api .
docker run -d -p 3000:3000 --name api users-api
curl -s localhost:3000/
docker run --rm --entrypoint ls users-api node_modules/.bin
