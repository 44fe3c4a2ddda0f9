# Another correct way: npm ci from the lockfile, then only the files the compiler needs
cat > Dockerfile <<'EOF'
FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
RUN npm run build
EXPOSE 3000
CMD ["node", "dist/index.js"]
EOF
docker build -t users-api .
docker run -d --publish 3000:3000 --name api users-api
echo '// touched' >> src/index.ts
docker build -t users-api .
