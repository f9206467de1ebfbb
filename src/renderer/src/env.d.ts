declare const __ARCADE_TARGET__: 'electron' | 'web';
