/**
 * A small PyPI: the projects Dockerfiles in lessons install, with the releases current in mid-2025, their wheel
 * sizes (kB), installed sizes (kB) and Requires-Dist (environment markers already applied for CPython 3.12 on Linux
 * x86_64). `name` is the project's own spelling (its METADATA Name, what `pip freeze` prints); `module` the
 * top-level import package when it is not the normalized name; `binary` marks wheels built per Python version and
 * platform (cp312-cp312-manylinux...); `scripts` the console scripts pip writes to bin/.
 */

export interface Release {
  readonly wheelKB: number;
  readonly installedKB: number;
  readonly requires: readonly string[];
}

export interface Project {
  readonly name: string;
  readonly module?: string;
  /** The module its console scripts import `main` from, when not the top-level package. */
  readonly entry?: string;
  /** Wheel platform tag on glibc Linux, for binary wheels. */
  readonly platform?: string;
  readonly binary?: boolean;
  readonly scripts?: readonly string[];
  /** Newest first. */
  readonly releases: Readonly<Record<string, Release>>;
}

const r = (wheelKB: number, installedKB: number, ...requires: string[]): Release => ({ wheelKB, installedKB, requires });
const MANYLINUX = 'manylinux_2_17_x86_64.manylinux2014_x86_64';

export const PROJECTS: readonly Project[] = [
  { name: 'Flask', scripts: ['flask'], releases: { '3.1.1': r(103, 330, 'blinker>=1.9.0', 'click>=8.1.3', 'itsdangerous>=2.2.0', 'jinja2>=3.1.2', 'markupsafe>=2.1.1', 'werkzeug>=3.1.0'), '3.0.3': r(101, 320, 'Werkzeug>=3.0.0', 'Jinja2>=3.1.2', 'itsdangerous>=2.1.2', 'click>=8.1.3', 'blinker>=1.6.2') } },
  { name: 'Werkzeug', releases: { '3.1.3': r(224, 990, 'MarkupSafe>=2.1.1'), '3.0.6': r(227, 980, 'MarkupSafe>=2.1.1') } },
  { name: 'Jinja2', releases: { '3.1.6': r(134, 550, 'MarkupSafe>=2.0') } },
  { name: 'MarkupSafe', binary: true, platform: MANYLINUX, releases: { '3.0.2': r(23, 58) } },
  { name: 'itsdangerous', releases: { '2.2.0': r(16, 48) } },
  { name: 'click', releases: { '8.2.1': r(102, 440), '8.1.8': r(98, 420) } },
  { name: 'blinker', releases: { '1.9.0': r(8.5, 26) } },
  { name: 'Django', scripts: ['django-admin'], releases: { '5.2.4': r(8301, 28400, 'asgiref>=3.8.1', 'sqlparse>=0.3.1'), '4.2.23': r(7993, 27300, 'asgiref<4,>=3.6.0', 'sqlparse>=0.3.1') } },
  { name: 'asgiref', releases: { '3.9.1': r(23, 95) } },
  { name: 'sqlparse', scripts: ['sqlformat'], releases: { '0.5.3': r(44, 160) } },
  { name: 'fastapi', scripts: ['fastapi'], releases: { '0.116.1': r(95, 480, 'starlette<0.48.0,>=0.40.0', 'pydantic!=1.8,!=1.8.1,!=2.0.0,!=2.0.1,!=2.1.0,<3.0.0,>=1.7.4', 'typing-extensions>=4.8.0'), '0.115.14': r(95, 470, 'starlette<0.47.0,>=0.40.0', 'pydantic!=1.8,!=1.8.1,!=2.0.0,!=2.0.1,!=2.1.0,<3.0.0,>=1.7.4', 'typing-extensions>=4.8.0') } },
  { name: 'starlette', releases: { '0.47.1': r(72, 330, 'anyio<5,>=3.6.2', 'typing-extensions>=4.10.0'), '0.46.2': r(72, 320, 'anyio<5,>=3.6.2') } },
  { name: 'anyio', releases: { '4.9.0': r(100, 420, 'idna>=2.8', 'sniffio>=1.1', 'typing_extensions>=4.5') } },
  { name: 'idna', releases: { '3.10': r(70, 260) } },
  { name: 'sniffio', releases: { '1.3.1': r(10, 24) } },
  { name: 'pydantic', releases: { '2.11.7': r(444, 2100, 'annotated-types>=0.6.0', 'pydantic-core==2.33.2', 'typing-extensions>=4.12.2', 'typing-inspection>=0.4.0') } },
  { name: 'pydantic_core', module: 'pydantic_core', binary: true, platform: MANYLINUX, releases: { '2.33.2': r(2000, 4760, 'typing-extensions!=4.7.0,>=4.6.0') } },
  { name: 'annotated-types', releases: { '0.7.0': r(13, 40) } },
  { name: 'typing_extensions', releases: { '4.14.1': r(44, 160) } },
  { name: 'typing-inspection', releases: { '0.4.1': r(14, 50, 'typing-extensions>=4.12.0') } },
  { name: 'uvicorn', scripts: ['uvicorn'], releases: { '0.35.0': r(66, 290, 'click>=7.0', 'h11>=0.8'), '0.34.3': r(62, 280, 'click>=7.0', 'h11>=0.8') } },
  { name: 'h11', releases: { '0.16.0': r(37, 150) } },
  { name: 'requests', releases: { '2.32.4': r(64, 200, 'charset-normalizer<4,>=2', 'idna<4,>=2.5', 'urllib3<3,>=1.21.1', 'certifi>=2017.4.17') } },
  { name: 'charset-normalizer', binary: true, platform: MANYLINUX, scripts: ['normalizer'], releases: { '3.4.2': r(149, 500) } },
  { name: 'urllib3', releases: { '2.5.0': r(129, 480) } },
  { name: 'certifi', releases: { '2025.7.9': r(159, 300) } },
  { name: 'numpy', binary: true, platform: 'manylinux_2_28_x86_64', scripts: ['f2py', 'numpy-config'], releases: { '2.3.1': r(16600, 60100), '2.2.6': r(16800, 60500), '1.26.4': r(18000, 61000) } },
  { name: 'pandas', binary: true, platform: MANYLINUX, releases: { '2.3.1': r(12000, 66200, 'numpy>=1.26.0', 'python-dateutil>=2.8.2', 'pytz>=2020.1', 'tzdata>=2022.7'), '2.2.3': r(12700, 67000, 'numpy>=1.26.0', 'python-dateutil>=2.8.2', 'pytz>=2020.1', 'tzdata>=2022.7') } },
  { name: 'python-dateutil', module: 'dateutil', releases: { '2.9.0.post0': r(229, 750, 'six>=1.5') } },
  { name: 'six', releases: { '1.17.0': r(11, 40) } },
  { name: 'pytz', releases: { '2025.2': r(509, 2800) } },
  { name: 'tzdata', releases: { '2025.2': r(347, 1900) } },
  { name: 'gunicorn', scripts: ['gunicorn'], releases: { '23.0.0': r(85, 390, 'packaging'), '22.0.0': r(84, 380, 'packaging') } },
  { name: 'packaging', releases: { '25.0': r(66, 270) } },
  { name: 'psycopg2-binary', module: 'psycopg2', binary: true, platform: MANYLINUX, releases: { '2.9.10': r(3000, 9700) } },
  { name: 'pymongo', binary: true, platform: MANYLINUX, releases: { '4.13.2': r(1400, 4400, 'dnspython<3.0.0,>=1.16.0') } },
  { name: 'dnspython', module: 'dns', releases: { '2.7.0': r(313, 1500) } },
  { name: 'redis', releases: { '6.2.0': r(278, 1300), '5.2.1': r(261, 1200) } },
  { name: 'SQLAlchemy', module: 'sqlalchemy', binary: true, platform: MANYLINUX, releases: { '2.0.41': r(3300, 12900, 'greenlet>=1', 'typing-extensions>=4.6.0') } },
  { name: 'greenlet', binary: true, platform: 'manylinux_2_24_x86_64.manylinux_2_28_x86_64', releases: { '3.2.3': r(605, 1600) } },
  { name: 'pytest', module: '_pytest', scripts: ['pytest', 'py.test'], releases: { '8.4.1': r(365, 1600, 'iniconfig>=1', 'packaging>=20', 'pluggy<2,>=1.5', 'pygments>=2.7.2') } },
  { name: 'iniconfig', releases: { '2.1.0': r(6, 20) } },
  { name: 'pluggy', releases: { '1.6.0': r(20, 80) } },
  { name: 'Pygments', module: 'pygments', scripts: ['pygmentize'], releases: { '2.19.2': r(1200, 4700) } },
  { name: 'python-dotenv', module: 'dotenv', scripts: ['dotenv'], releases: { '1.1.1': r(20, 80) } },
  { name: 'pip', entry: 'pip._internal.cli.main', scripts: ['pip', 'pip3', 'pip3.12'], releases: { '25.1.1': r(1800, 9100), '25.0.1': r(1800, 9000), '24.3.1': r(1800, 8900) } },
  { name: 'setuptools', releases: { '80.9.0': r(1200, 4400) } },
  { name: 'wheel', scripts: ['wheel'], releases: { '0.45.1': r(72, 250, 'packaging>=24.0') } },
];

/** The newest pip on PyPI on the simulated date (pip 25.2 came out on 2025-07-30). */
export const LATEST_PIP = '25.1.1';
