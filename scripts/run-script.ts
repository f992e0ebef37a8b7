// How the repository's scripts end: exit 0 once `main` resolved (open handles such as pools may
// remain), 1 with the error printed when it failed.
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
