// mixup-core README's networks.ts example, which bundle.ts takes from the README as written.
declare module 'mixup-core-readme:networks.ts' {
  import type { LayersModel } from '@tensorflow/tfjs-layers';
  export function simpleConvnet(imageSize?: number, filters?: [number, number], classes?: number): LayersModel;
  export function preActResNet(imageSize?: number, filters?: number, classes?: number): LayersModel;
}
