export function linkTargets(): void {}
