// A tiny background worker: does one job and says so.
const jobs = ['resize photo 1', 'resize photo 2', 'send welcome email'];

for (const job of jobs) {
  console.log(`worker: done ${job}`);
}
