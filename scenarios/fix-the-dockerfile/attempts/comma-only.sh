# Mistake: fixes the trailing comma but never compiles the TypeScript, so dist/ does not exist
sed -i 's/"dist\/index.js", ]/"dist\/index.js"]/' Dockerfile
cat Dockerfile
docker build -t users-api .
docker run -d --name api -p 3000:3000 users-api
docker logs api
