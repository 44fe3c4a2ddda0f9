# The project folder is copied in, dotfiles and modes included.
ls -la
cat .dockerignore
grep -c . Dockerfile
./build.sh one two
cat src/index.js
