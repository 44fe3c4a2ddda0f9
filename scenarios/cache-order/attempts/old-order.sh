# Mistake: keeps the old order (COPY . . before npm install), so every source edit reinstalls the dependencies
docker build -t users-api .
docker run -d --name api -p 3000:3000 users-api
curl -s localhost:3000/
