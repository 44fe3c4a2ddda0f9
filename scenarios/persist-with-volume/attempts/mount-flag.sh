# The long form of a named volume, created on first use.
docker run -d --name db -p 27017:27017 --mount type=volume,src=notes-db,dst=/data/db mongo
mongosh --quiet --eval 'db.notes.insertOne({ text: "hello" }).acknowledged'
