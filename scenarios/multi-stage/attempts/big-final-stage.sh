# Mistake: two stages, but the final one starts from the full node:20 image again
cat > Dockerfile <<'EOF'
FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
EXPOSE 3000
CMD ["node", "dist/index.js"]
EOF
docker build -t users-api .
docker images
docker run -d --name api -p 3000:3000 users-api
