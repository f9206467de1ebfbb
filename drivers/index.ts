/**
 * Every supported game set, from every driver family. Adding a board: write `drivers/<family>/<board>.ts`
 * exporting `games`, add its manifests to `roms-manifest/`, and list the module here.
 */
import type { GameDefinition } from '../src/core/driver-schema';
import { games as centipedeGames } from './atari/centiped';
import { games as exampleGames } from './example/twocpu';
import { games as gottliebGames } from './gottlieb/gottlieb';
import { games as snowbrosGames } from './kaneko/snowbros';
import { games as mspacmanGames } from './namco/mspacman';
import { games as pacmanGames } from './namco/pacman';

export const GAMES: readonly GameDefinition[] = [...pacmanGames, ...mspacmanGames, ...centipedeGames, ...snowbrosGames, ...gottliebGames, ...exampleGames];

export function findGame(name: string): GameDefinition | undefined {
  return GAMES.find((g) => g.name === name);
}
