/**
 * Who makes a product: a story about "Claude gets Projects" or "SD3 Medium weights are out" is about its maker.
 * Each line is a maker (its name in the company table), a colon, and the product families it makes; a family
 * matches a product named by it or starting with it ("Trainium" matches "Trainium3", "GPT" matches "GPT-5.1").
 */
const table = `
OpenAI: ChatGPT; Sora; Codex; DALL-E; Whisper; GPT; gpt-oss; o1; o3; o4-mini; Stargate; Operator; SearchGPT
Anthropic: Claude; Claude Code; Opus; Sonnet; Haiku
Google: Gemini; Gemma; Nano Banana; Veo; Imagen; Bard; NotebookLM; AlphaFold; AlphaGo; AlphaEvolve; AlphaGenome
Google: AlphaProof; AlphaGeometry; Genie; Project Astra; Antigravity; TPU; Ironwood; Trillium; Axion; Android
Google: Chrome; Pixel; Gmail; Vertex AI; Google Search; AI Overviews; AI Mode; Jules; Willow
Meta: Llama; Meta AI; Ray-Ban Display; Ray-Ban Meta; Quest; MTIA; Instagram; WhatsApp; Threads; Vibes; SAM
Microsoft: Azure; Copilot; Microsoft 365 Copilot; Bing; Windows; Maia; Cobalt; Fairwater; Xbox; Phi; TypeScript
Microsoft: VS Code; Visual Studio Code
GitHub: GitHub Copilot
Amazon: Trainium; Inferentia; Graviton; Bedrock; Amazon Bedrock; SageMaker; Nova; Amazon Nova; Kiro
Amazon: Project Rainier; Alexa; EC2; AWS Lambda; Q Developer; Amazon Q; AgentCore
Nvidia: Blackwell; Rubin; Vera Rubin; Grace Blackwell; Grace Hopper; Hopper; DGX; HGX; NVLink; CUDA; Omniverse
Nvidia: NIM; Dynamo; Cosmos; Isaac GR00T; Jetson; Spectrum-X; Quantum-X; BlueField; ConnectX; Nemotron; GeForce
Nvidia: H100; H200; H20; B200; B300; GB200; GB300
AMD: Instinct; MI300; MI325X; MI350; MI355X; MI400; MI450; EPYC; Ryzen; Helios; ROCm
Intel: Gaudi; Xeon; Core Ultra; Panther Lake; Jaguar Shores; Crescent Island; Lunar Lake
Qualcomm: Snapdragon
Arm: Neoverse
Apple: iPhone; iPad; Mac; MacBook; Vision Pro; Apple Intelligence; Siri; Private Cloud Compute
Tesla: Dojo; Optimus; Cybercab; Full Self-Driving; FSD
Huawei: Ascend
xAI: Grok; SuperGrok; Colossus; Grokipedia
DeepSeek: DeepSeek-R1; DeepSeek-V3
Alibaba: Qwen
ByteDance: Doubao; Seedance; TikTok
Moonshot AI: Kimi
Baidu: Ernie
Tencent: Hunyuan
Zhipu AI: GLM
MiniMax: MiniMax-M2
Kuaishou: Kling
Xiaomi: MiMo
Mistral AI: Le Chat; Magistral; Codestral; Devstral; Mixtral; Pixtral; Mistral Large; Mistral Medium
Mistral AI: Mistral Small; Ministral
Cohere: Command A; Command R
Salesforce: Agentforce; Slack
Snowflake: Cortex AI; Snowflake Cortex
IBM: Watsonx; watsonx; Granite
Anysphere: Cursor
Perplexity: Comet
Stability AI: Stable Diffusion; SD3; SDXL
Allen Institute for AI: Olmo
Vercel: Next.js; v0
`;

const families: { family: string; maker: string }[] = table
  .split("\n")
  .filter((line) => line.includes(":"))
  .flatMap((line) => {
    const [maker, list] = line.split(":") as [string, string];
    return list.split(";").map((family) => ({ family: family.trim().toLowerCase(), maker: maker.trim() }));
  })
  // Longest first, so "GitHub Copilot" is GitHub's before "Copilot" is Microsoft's.
  .sort((a, b) => b.family.length - a.family.length);

/** The kinds of model a family's name can run into without a space: "HunyuanVideo", not "DynamoDB". */
const modelKinds = /^(?:Video|Image|Audio|Voice|Speech|Music|Vision|Coder|Code|World|Math|Omni|3D)(?![\p{Ll}])/u;

/**
 * The maker of a named product, or null when the table does not know it.
 *
 * @example
 * productMaker("Claude Opus 4.5") // "Anthropic"
 * productMaker("Trainium3") // "Amazon"
 * productMaker("HunyuanVideo 1.5") // "Tencent"
 */
export function productMaker(product: string): string | null {
  const name = product.trim().toLowerCase();
  for (const { family, maker } of families) {
    if (!name.startsWith(family)) continue;
    const next = name.charAt(family.length);
    // "Gemini 3", "Trainium3", "GPT-5.1" continue the family; "Macro" does not continue "Mac".
    if (!next || /[\s\d\-.:,]/.test(next) || /\d/.test(family.slice(-1))) return maker;
    // "HunyuanVideo", "QwenCoder": a family run into the name of a model's kind is a model of the family's.
    if (modelKinds.test(product.trim().slice(family.length))) return maker;
  }
  return null;
}
