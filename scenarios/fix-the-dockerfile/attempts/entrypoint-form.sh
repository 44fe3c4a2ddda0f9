# Another correct way: the program in an exec-form ENTRYPOINT, the build step added, run with --publish
cat > Dockerfile <<'EOF'
FROM node:20
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm install
COPY . .
RUN npm run build
EXPOSE 3000
ENTRYPOINT ["node", "dist/index.js"]
EOF
docker build -t users-api:latest .
docker run --detach --publish 3000:3000 --name api users-api
curl -s localhost:3000/
