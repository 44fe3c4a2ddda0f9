# A bind mount: MongoDB's files in a folder of the project on the host.
mkdir -p mongo-files
docker run -d --name db -p 27017:27017 -v "$PWD/mongo-files":/data/db mongo
mongosh --quiet --eval 'db.notes.insertOne({ text: "hello" }).acknowledged'
ls mongo-files
