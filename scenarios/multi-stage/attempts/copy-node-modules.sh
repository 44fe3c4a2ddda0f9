# Mistake: copies node_modules from the build stage, which installed the devDependencies (typescript, @types)
cat > Dockerfile <<'EOF'
FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install
COPY . .
RUN npm run build

FROM node:20-alpine
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
EXPOSE 3000
CMD ["node", "dist/index.js"]
EOF
docker build -t users-api .
docker run -d --name api -p 3000:3000 users-api
curl -s localhost:3000/
