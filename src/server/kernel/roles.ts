// The roles are part of the contract the web shares (src/shared); the kernel re-exports them.
export * from '../../shared/roles.js';
