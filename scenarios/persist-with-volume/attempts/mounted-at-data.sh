# The volume one level too high: /data/db still gets an anonymous volume.
docker volume create mongo-data
docker run -d --name db -p 27017:27017 -v mongo-data:/data mongo
