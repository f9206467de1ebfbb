/**
 * The game screen: one pixi.js sprite whose texture is the emulator's RGBA framebuffer, nearest
 * filtering, the user's rotation, integer or fit scaling, and an optional scanline overlay
 * (RENDERER-TESTING.md §2: webgl preference, rgba8unorm, maxBatchableTextures = 1).
 */
import 'pixi.js/unsafe-eval'; // pixi without `new Function`, so the CSP needs no 'unsafe-eval'
import { Application, BufferImageSource, Sprite, Texture } from 'pixi.js';
import { computeLayout, type Layout } from './layout';

export class GameScreen {
  readonly app = new Application();
  private sprite: Sprite | null = null;
  private source: BufferImageSource | null = null;
  private pixels = new Uint8Array(0);
  private srcW = 0;
  private srcH = 0;
  private rotate = 0;
  private mode: 'integer' | 'fit' = 'integer';
  layout: Layout = { scale: 1, width: 0, height: 0, x: 0, y: 0 };
  private readonly scanlines: HTMLDivElement;
  private resizeObs: ResizeObserver;

  private constructor(readonly host: HTMLElement) {
    this.scanlines = document.createElement('div');
    this.scanlines.className = 'scanlines';
    this.resizeObs = new ResizeObserver(() => this.relayout());
  }

  static async create(host: HTMLElement): Promise<GameScreen> {
    const s = new GameScreen(host);
    await s.app.init({
      width: Math.max(1, host.clientWidth), height: Math.max(1, host.clientHeight),
      preference: 'webgl', background: 0x000000, antialias: false, resolution: 1, autoDensity: false,
      autoStart: false, sharedTicker: false, preserveDrawingBuffer: true,
    });
    // one texture only: pixi's 16-sampler batch shader is ~6× slower on software GL (§2 Performance)
    (s.app.renderer.limits as unknown as { maxBatchableTextures: number }).maxBatchableTextures = 1;
    s.app.ticker.stop();
    s.app.canvas.className = 'game-canvas';
    host.append(s.app.canvas, s.scanlines);
    s.resizeObs.observe(host);
    return s;
  }

  setGeometry(width: number, height: number): void {
    if (width === this.srcW && height === this.srcH && this.sprite) return;
    this.srcW = width;
    this.srcH = height;
    this.pixels = new Uint8Array(width * height * 4);
    this.source?.destroy();
    this.sprite?.destroy();
    // always rgba8unorm: a bare Uint8Array would become bgra8unorm (§2)
    this.source = new BufferImageSource({ resource: this.pixels, width, height, format: 'rgba8unorm', scaleMode: 'nearest' });
    this.sprite = new Sprite(new Texture({ source: this.source }));
    this.sprite.anchor.set(0.5);
    this.app.stage.addChild(this.sprite);
    this.relayout();
  }

  setOptions(rotate: number, mode: 'integer' | 'fit', scanlines: boolean): void {
    this.rotate = rotate;
    this.mode = mode;
    this.scanlines.hidden = !scanlines;
    this.relayout();
  }

  relayout(): void {
    const w = Math.max(1, this.host.clientWidth);
    const h = Math.max(1, this.host.clientHeight);
    if (this.app.renderer.width !== w || this.app.renderer.height !== h) this.app.renderer.resize(w, h);
    if (!this.sprite) return;
    const l = computeLayout(this.srcW, this.srcH, this.rotate, w, h, this.mode);
    this.layout = l;
    this.sprite.scale.set(l.scale);
    this.sprite.rotation = (this.rotate * Math.PI) / 180;
    this.sprite.position.set(l.x + l.width / 2, l.y + l.height / 2);
    const st = this.scanlines.style;
    st.left = `${l.x}px`; st.top = `${l.y}px`; st.width = `${l.width}px`; st.height = `${l.height}px`;
    // one dark line per source row (columns when the monitor is turned)
    const period = Math.max(2, l.scale);
    st.backgroundSize = this.rotate % 180 === 0 ? `100% ${period}px` : `${period}px 100%`;
    st.backgroundImage = this.rotate % 180 === 0
      ? 'linear-gradient(to bottom, rgba(0,0,0,0) 50%, rgba(0,0,0,0.42) 50%)'
      : 'linear-gradient(to right, rgba(0,0,0,0) 50%, rgba(0,0,0,0.42) 50%)';
    this.render();
  }

  /** Show a frame (0xAABBGGRR words = RGBA bytes). */
  present(frame: ArrayBuffer): void {
    if (!this.source) return;
    this.pixels.set(new Uint8Array(frame));
    this.source.update();
    this.render();
  }

  render(): void {
    this.app.renderer.render(this.app.stage);
  }

  /** The current picture as the user sees it (canvas pixels). */
  canvas(): HTMLCanvasElement {
    return this.app.canvas;
  }

  destroy(): void {
    this.resizeObs.disconnect();
    this.scanlines.remove();
    this.app.destroy(true, { children: true, texture: true });
  }
}
