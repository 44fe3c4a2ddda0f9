# The seed's volume lesson: without a volume the data goes with the container; with one it stays.
docker run -p 27017:27017 -d mongo
mongosh --quiet --eval 'db.users.insertOne({name: "Ada"})'
mongosh --quiet --eval 'db.users.find()'
docker kill $(docker ps -q)
docker run -p 27017:27017 -d mongo
mongosh --quiet --eval 'db.users.find()'
mongosh --quiet --eval 'show dbs'
docker kill $(docker ps -q)
docker volume create volume_database
docker run -v volume_database:/data/db -p 27017:27017 -d mongo
mongosh --quiet --eval 'db.users.insertOne({name: "Grace"})'
docker kill $(docker ps -q)
docker run -v volume_database:/data/db -p 27017:27017 -d mongo
mongosh --quiet --eval 'db.users.find({}, {_id: 0})'
docker volume ls
# In the foreground, as the seed runs it: the terminal is the container's until Ctrl-C (a headless run sends it after 10 s).
docker kill $(docker ps -q)
docker run -v volume_database:/data/db -p 27017:27017 mongo | tail -3
docker ps -a --format '{{.Image}} {{.Status}}' | head -2
