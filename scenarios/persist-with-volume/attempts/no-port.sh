# A named volume, but the host cannot reach the database.
docker run -d --name db -v mongo-data:/data/db mongo
mongosh --quiet --eval 'db.runCommand({ ping: 1 })'
