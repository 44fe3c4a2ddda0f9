# The seed's lesson on layers. Its first Dockerfile copies the whole project before installing dependencies.
cat Dockerfile
docker build -t image_tag .
# An edit to the source changes what COPY . . copies, so npm install and everything after it run again.
echo "// edited" >> src/index.ts
docker build -t image_tag .
# The tag moved: the first image is now dangling.
docker images
# The seed's second Dockerfile copies what npm install and prisma generate need first (its CMD has a trailing comma).
printf 'FROM node:20\n\nWORKDIR /usr/src/app\n\nCOPY package* .\nCOPY ./prisma .\n    \nRUN npm install\nRUN npx prisma generate\n\nCOPY . .\n\nEXPOSE 3000\n\nCMD ["node", "dist/index.js", ]\n' > Dockerfile
docker build -t image_tag .
# Now a source edit only reruns what comes after COPY . .: the install stays CACHED.
echo "// edited again" >> src/index.ts
docker build -t image_tag .
docker inspect --format '{{json .Config.Cmd}}' image_tag
docker history image_tag
# Its CMD with a trailing comma is shell form: the node image's entrypoint hands it to /bin/sh, and dash fails.
docker run image_tag
echo $?
