# Mistake: the app runs, but CMD is in shell form: /bin/sh is PID 1 and node never gets docker stop's SIGTERM
cat > Dockerfile <<'EOF'
FROM node:20
WORKDIR /usr/src/app
COPY package* .
RUN npm install
COPY . .
RUN npm run build
EXPOSE 3000
CMD node dist/index.js
EOF
docker build -t users-api .
docker run -d --name api -p 3000:3000 users-api
curl -s localhost:3000/
