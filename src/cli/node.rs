//! `padlock node show`: node details of an app (padlocked).

use clap::Subcommand;
use reqwest::Method;

use super::Ctx;
use crate::client::segment;

#[derive(Debug, Subcommand)]
pub enum NodeCmd {
    /// What runs where, with package identities
    Show(super::apps::AppArg),
}

impl NodeCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let NodeCmd::Show(args) = self;
        let mut conn = ctx.connect()?;
        let path = format!("/apps/{}/node", segment(&args.app));
        let node: serde_json::Value = conn.call(ctx, |c| c.request(Method::GET, &path)).await?;
        ctx.print(&node, |node| {
            let rows = node["nodes"]
                .as_array()
                .map(|nodes| {
                    nodes
                        .iter()
                        .map(|n| {
                            let package = &n["package"];
                            vec![
                                n["env"].as_str().unwrap_or_default().to_owned(),
                                n["state"].as_str().unwrap_or_default().to_owned(),
                                package["filename"].as_str().map_or_else(
                                    || "-".to_owned(),
                                    |f| format!("{f} ({})", package["id"]),
                                ),
                                package["sha256"].as_str().unwrap_or("-").to_owned(),
                            ]
                        })
                        .collect()
                })
                .unwrap_or_default();
            super::table(&["ENVIRONMENT", "STATE", "PACKAGE", "SHA256"], rows)
        })
    }
}
