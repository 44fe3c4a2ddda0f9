# Everything runs, but the Dockerfile is left as it was: COPY . . before npm install.
docker build -t notes-api .
docker network create notes-net
docker run -d --name mongo --network notes-net -v notes-data:/data/db mongo
docker run -d --name backend --network notes-net -p 3000:3000 notes-api
